//! Times `read_lockfile` on one file (in-process, N rounds): `time_read FILE [N]`.
fn main() {
    let mut args = std::env::args().skip(1);
    let path = std::path::PathBuf::from(args.next().expect("FILE"));
    let n: usize = args.next().map(|s| s.parse().unwrap()).unwrap_or(20);
    let mut times = Vec::new();
    for _ in 0..n {
        let t = std::time::Instant::now();
        let g = diligence_lockfile::read_lockfile(&path).expect("read");
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        std::hint::black_box(g);
    }
    times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    println!("median {:.2} ms min {:.2} ms", times[n / 2], times[0]);
}
