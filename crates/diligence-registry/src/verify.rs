//! Integrity arithmetic: hashing tarball bytes and comparing SRI values (W3C Subresource
//! Integrity, as npm writes it in lockfiles and packuments).

use diligence_graph::{HashAlgorithm, Integrity, SriHash};
use diligence_packument::Dist;
use sha1::Digest;

/// Hashes `bytes` with `algorithm`.
pub fn hash(algorithm: HashAlgorithm, bytes: &[u8]) -> SriHash {
    let digest = match algorithm {
        HashAlgorithm::Sha1 => sha1::Sha1::digest(bytes).to_vec(),
        HashAlgorithm::Sha256 => sha2::Sha256::digest(bytes).to_vec(),
        HashAlgorithm::Sha384 => sha2::Sha384::digest(bytes).to_vec(),
        HashAlgorithm::Sha512 => sha2::Sha512::digest(bytes).to_vec(),
    };
    SriHash { algorithm, digest }
}

/// The integrity the registry publishes for a version: `dist.integrity` (SRI) plus
/// `dist.shasum` (hex sha1) as a sha1 hash. `None` when neither is present or parseable.
pub fn registry_integrity(dist: &Dist) -> Option<Integrity> {
    let mut hashes = Vec::new();
    if let Some(Ok(Integrity::Sri(h))) = dist.integrity.as_deref().map(Integrity::parse_sri) {
        hashes.extend(h);
    }
    let has_sha1 = hashes.iter().any(|h| h.algorithm == HashAlgorithm::Sha1);
    if !has_sha1
        && let Some(Ok(Integrity::Sri(h))) = dist.shasum.as_deref().map(Integrity::from_sha1_hex)
    {
        hashes.extend(h);
    }
    if hashes.is_empty() {
        None
    } else {
        Some(Integrity::Sri(hashes))
    }
}

/// The result of comparing two SRI integrities hash by hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Comparison {
    /// Every algorithm both sides have agrees (at least one).
    Match,
    /// Some algorithm both sides have disagrees: the first such pair (ours, theirs).
    Mismatch { ours: SriHash, theirs: SriHash },
    /// No algorithm in common (e.g. sha1 only against sha512 only), or a berry checksum.
    Incomparable,
}

/// Compares `ours` with `theirs` on every algorithm both have. A lockfile that carries sha1
/// and sha512 must agree on both.
pub fn compare(ours: &Integrity, theirs: &Integrity) -> Comparison {
    let (Integrity::Sri(a), Integrity::Sri(b)) = (ours, theirs) else {
        return Comparison::Incomparable;
    };
    let mut common = 0;
    for x in a {
        let same_algo: Vec<&SriHash> = b.iter().filter(|y| y.algorithm == x.algorithm).collect();
        if same_algo.is_empty() {
            continue;
        }
        common += 1;
        if !same_algo.contains(&x) {
            return Comparison::Mismatch {
                ours: x.clone(),
                theirs: same_algo[0].clone(),
            };
        }
    }
    if common == 0 {
        Comparison::Incomparable
    } else {
        Comparison::Match
    }
}

/// Checks `bytes` against every hash of `expected`. `Err` carries the first failing expected
/// hash and the actual hash of the bytes with that algorithm.
pub fn check_bytes(expected: &Integrity, bytes: &[u8]) -> Result<(), (SriHash, SriHash)> {
    let Integrity::Sri(hashes) = expected else {
        return Ok(());
    };
    for h in hashes {
        let actual = hash(h.algorithm, bytes);
        if actual != *h {
            return Err((h.clone(), actual));
        }
    }
    Ok(())
}

/// [`check_bytes`] skipping the hashes in `known` (already verified on these bytes), so
/// each digest is computed once.
pub fn check_bytes_except(
    expected: &Integrity,
    bytes: &[u8],
    known: &[SriHash],
) -> Result<(), (SriHash, SriHash)> {
    let Integrity::Sri(hashes) = expected else {
        return Ok(());
    };
    let rest: Vec<SriHash> = hashes
        .iter()
        .filter(|h| !known.contains(h))
        .cloned()
        .collect();
    if rest.is_empty() {
        return Ok(());
    }
    check_bytes(&Integrity::Sri(rest), bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha1_lockfile_compares_with_shasum() {
        let dist = Dist {
            integrity: Some("sha512-6FlzubTLZG3J2a/NVCAleEhjzq5oxgHyaCU9yYXvcLsvoVaHJq/s5xXI6/XXP6tz7R9xAOtHnSO/tXtF3WRTlA==".into()),
            shasum: Some("574c8138ce1d2b5861f0b44579dbadd60c6615b2".into()),
            ..Dist::default()
        };
        let reg = registry_integrity(&dist).unwrap();
        let lock = Integrity::parse_sri("sha1-V0yBOM4dK1hh8LRFedut1gxmFbI=").unwrap();
        assert_eq!(compare(&lock, &reg), Comparison::Match);
        let other = Integrity::parse_sri("sha1-AAAAAAAAAAAAAAAAAAAAAAAAAAA=").unwrap();
        assert!(matches!(compare(&other, &reg), Comparison::Mismatch { .. }));
        let berry = Integrity::BerryChecksum("10c0/ab".into());
        assert_eq!(compare(&berry, &reg), Comparison::Incomparable);
    }

    #[test]
    fn hashes_bytes() {
        let i = Integrity::parse_sri("sha1-qUqP5cyxm6YcTAhz05Hph5gvu9M=").unwrap();
        assert!(check_bytes(&i, b"test").is_ok());
        assert!(check_bytes(&i, b"tost").is_err());
    }
}
