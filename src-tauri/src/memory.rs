//! How the app hands memory back to the system (issue 12). A year's report, an export or a print
//! allocates tens of MB and frees them, and glibc's allocator keeps freed memory for reuse: on the
//! ten-year office the app's own process stayed 100 MB larger after three exports. Two measures,
//! each measured on that office (frontdesk process PSS after three exports, tests/perf):
//! - big blocks (the workbook, the PDF, the JSON answer) come straight from the system and go
//!   back to it when freed, instead of growing the heap: 126 → 113 MiB;
//! - after each operation the allocator returns the free pages it holds: 66 MB of the 100.
//!
//! Elsewhere than glibc these are no-ops.

/// Blocks of this size and above are mapped from the system and unmapped when freed. glibc's
/// default (128 KiB) grows by itself up to 32 MiB once big blocks have been freed, after which
/// they stay in the heap; fixing it keeps the default's size and stops the growth.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const BIG_BLOCK: libc::c_int = 128 * 1024;

/// Called once at start, before any thread: the setting is process-wide.
pub fn keep_big_blocks_out_of_the_heap() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only changes glibc's allocator settings; it takes no pointers.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, BIG_BLOCK);
    }
}

/// Returns the free pages the allocator holds. It takes about a microsecond when there is little
/// to return and about 7 ms after freeing 100 MB, so it runs after every operation.
pub fn give_back_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases free pages of glibc's own heap; it takes no pointers.
    unsafe {
        libc::malloc_trim(0);
    }
}
