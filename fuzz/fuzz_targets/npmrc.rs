//! Fuzz `.npmrc` parsing: any text gives a configuration or a one-line error, in bounded
//! time and heap; lookups on the result never panic.
#![no_main]

use diligence_fuzz::{Budget, Counting, bounded};
use diligence_registry::NpmConfig;
use libfuzzer_sys::fuzz_target;

#[global_allocator]
static ALLOC: Counting = Counting;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    bounded(data.len(), Budget::TEXT, || {
        let env = [("CI_SECRET".to_string(), "s3cr3t".to_string())];
        match NpmConfig::from_npmrc(".npmrc", text, &env) {
            Ok(config) => {
                for p in ["lodash", "@scope/pkg", "@evil/x"] {
                    let registry = config.registry_for(p).to_string();
                    let _ = config.credential_for(&registry);
                }
                let _ = diligence_registry::config::nerf_dart(text);
            }
            Err(e) => assert!(!e.to_string().contains('\n'), "multi-line error: {e}"),
        }
    });
});
