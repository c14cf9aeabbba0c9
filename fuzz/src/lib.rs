//! Shared budget checks for the fuzz targets: every attacker-facing reader must finish in
//! time and heap bounded by its input size, not only without panicking.
//!
//! Each target installs [`Counting`] as its global allocator and wraps the reader in
//! [`bounded`], which asserts the peak heap growth and the process CPU time (robust to a
//! loaded machine, unlike wall time) against `base + per_byte × input length`. libFuzzer's
//! `-rss_limit_mb` and `-timeout` remain the outer backstops.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

/// The system allocator, counting live heap bytes and their peak.
pub struct Counting;

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grow(layout.size());
        }
        p
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            grow(layout.size());
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        CURRENT.fetch_sub(layout.size(), Ordering::Relaxed);
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            CURRENT.fetch_sub(layout.size(), Ordering::Relaxed);
            grow(new_size);
        }
        p
    }
}

fn grow(n: usize) {
    let now = CURRENT.fetch_add(n, Ordering::Relaxed) + n;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

/// Allowed cost of one input: `base + per_byte × len` for heap bytes and CPU time.
#[derive(Debug, Clone, Copy)]
pub struct Budget {
    pub heap_base: usize,
    pub heap_per_byte: usize,
    pub cpu_base: Duration,
    pub cpu_per_byte: Duration,
}

impl Budget {
    /// Readers of small structured text (config files, JSON documents): 32 MiB + 512 bytes
    /// of heap per input byte, 2 s + 2 ms of CPU per input byte.
    pub const TEXT: Budget = Budget {
        heap_base: 32 << 20,
        heap_per_byte: 512,
        cpu_base: Duration::from_secs(2),
        cpu_per_byte: Duration::from_millis(2),
    };
}

fn cpu_time() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes the timespec it is given.
    unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut ts) };
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

/// Runs `f` on an input of `len` bytes and panics (a libFuzzer crash) when its peak heap
/// growth or its CPU time exceeds `budget`.
pub fn bounded<T>(len: usize, budget: Budget, f: impl FnOnce() -> T) -> T {
    let base = CURRENT.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let start = cpu_time();
    let out = f();
    let cpu = cpu_time().saturating_sub(start);
    let heap = PEAK.load(Ordering::Relaxed).saturating_sub(base);
    let heap_max = budget.heap_base + budget.heap_per_byte * len;
    assert!(
        heap <= heap_max,
        "peak heap {heap} bytes for a {len}-byte input (budget {heap_max})"
    );
    let cpu_max = budget.cpu_base + budget.cpu_per_byte * len as u32;
    assert!(
        cpu <= cpu_max,
        "{cpu:?} of CPU for a {len}-byte input (budget {cpu_max:?})"
    );
    out
}
