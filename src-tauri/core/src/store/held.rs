//! The database files this process has open through SQLite (R-DATA-3).
//!
//! Why this exists: POSIX record locks belong to a process and a file, not to a descriptor, so
//! closing *any* descriptor of a file drops every lock the process holds on it — SQLite's own
//! included. Opening a second `Store` on a file the app already has open used to read the file's
//! header with `std::fs` and close it again; that silently released the app's locks, the next
//! CLI run then believed itself alone, checkpointed and deleted the `-wal` under the app, and
//! everything the app saved afterwards went into a deleted file and was lost. So the header and
//! the write probe are read only while no connection of this process has the file open; later
//! opens reuse what the first one found. SQLite does the same for its own connections.

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Mutex, MutexGuard};

/// A file by device and inode: the same file under any name, and a restored file (a new inode
/// under the old name) as a different one.
type FileKey = (u64, u64);

struct Entry {
    connections: usize,
    writable: bool,
}

static HELD: Mutex<Option<HashMap<FileKey, Entry>>> = Mutex::new(None);

fn key_of(path: &Path) -> Option<FileKey> {
    use std::os::unix::fs::MetadataExt;
    // `stat` opens no descriptor, so it is safe while the file is held.
    std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

/// Opening is done under this gate, so a second open cannot slip in between another's header
/// read and its registration.
pub(super) struct Gate(MutexGuard<'static, Option<HashMap<FileKey, Entry>>>);

pub(super) fn gate() -> Gate {
    Gate(HELD.lock().unwrap_or_else(|p| p.into_inner()))
}

impl Gate {
    /// Whether a connection of this process has the file open, and if so whether it could write.
    pub(super) fn held(&self, path: &Path) -> Option<bool> {
        let key = key_of(path)?;
        self.0.as_ref()?.get(&key).map(|e| e.writable)
    }

    /// Records one more connection to the file; the answer releases it when dropped.
    pub(super) fn hold(&mut self, path: &Path, writable: bool) -> Option<Held> {
        let key = key_of(path)?;
        let entry = self
            .0
            .get_or_insert_with(HashMap::new)
            .entry(key)
            .or_insert(Entry {
                connections: 0,
                writable,
            });
        entry.connections += 1;
        Some(Held { key })
    }
}

/// One connection's claim on its file; dropped after the connection is closed.
pub(crate) struct Held {
    key: FileKey,
}

impl Drop for Held {
    fn drop(&mut self) {
        let mut held = HELD.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(map) = held.as_mut() {
            if let Some(e) = map.get_mut(&self.key) {
                e.connections -= 1;
                if e.connections == 0 {
                    map.remove(&self.key);
                }
            }
        }
    }
}
