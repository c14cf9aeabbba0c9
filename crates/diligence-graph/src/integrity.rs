use base64::Engine;
use serde::{Serialize, Serializer};
use std::fmt;

/// A hash algorithm of a Subresource Integrity string (W3C SRI; npm uses sha1 and sha512).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum HashAlgorithm {
    Sha1,
    Sha256,
    Sha384,
    Sha512,
}

impl HashAlgorithm {
    /// `sha1`, `sha256`, `sha384` or `sha512`.
    pub fn as_str(self) -> &'static str {
        match self {
            HashAlgorithm::Sha1 => "sha1",
            HashAlgorithm::Sha256 => "sha256",
            HashAlgorithm::Sha384 => "sha384",
            HashAlgorithm::Sha512 => "sha512",
        }
    }
    /// Digest length in bytes.
    pub fn digest_len(self) -> usize {
        match self {
            HashAlgorithm::Sha1 => 20,
            HashAlgorithm::Sha256 => 32,
            HashAlgorithm::Sha384 => 48,
            HashAlgorithm::Sha512 => 64,
        }
    }
}

/// One `algorithm-base64digest` token of an SRI string.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SriHash {
    pub algorithm: HashAlgorithm,
    /// The raw digest bytes (20 for sha1 … 64 for sha512).
    pub digest: Vec<u8>,
}

impl fmt::Display for SriHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let b64 = base64::engine::general_purpose::STANDARD.encode(&self.digest);
        write!(f, "{}-{}", self.algorithm.as_str(), b64)
    }
}

/// The integrity a lockfile records for a package.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Integrity {
    /// W3C Subresource Integrity: one or more hashes, strongest last is not guaranteed.
    /// Also used for yarn classic's `#sha1hex` URL fragments (converted to sha1 SRI).
    Sri(Vec<SriHash>),
    /// A yarn berry `checksum`: a hash of yarn's own zip archive (not of the registry tarball),
    /// kept as written, e.g. `10c0/0a1b…` (cache key prefix, then hex).
    BerryChecksum(String),
}

/// Why an integrity string could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IntegrityError {
    /// No `algo-digest` token in the string.
    Empty,
    /// An unknown algorithm name (e.g. `md5`).
    UnknownAlgorithm(String),
    /// The digest is not base64 or has the wrong length for its algorithm.
    BadDigest(String),
}

impl std::error::Error for IntegrityError {}

impl fmt::Display for IntegrityError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IntegrityError::Empty => write!(f, "empty integrity"),
            IntegrityError::UnknownAlgorithm(a) => write!(f, "unknown integrity algorithm `{a}`"),
            IntegrityError::BadDigest(t) => write!(f, "malformed integrity digest `{t}`"),
        }
    }
}

impl Integrity {
    /// Parses an SRI string (`sha512-… sha1-…`, whitespace separated; `?options` ignored).
    /// Errors on an unknown algorithm or a digest that is not base64 of the right length.
    pub fn parse_sri(text: &str) -> Result<Integrity, IntegrityError> {
        let mut hashes = Vec::new();
        for token in text.split_ascii_whitespace() {
            let token = token.split('?').next().unwrap_or(token);
            let (algo, b64) = token
                .split_once('-')
                .ok_or_else(|| IntegrityError::BadDigest(token.into()))?;
            let algorithm = match algo {
                "sha1" => HashAlgorithm::Sha1,
                "sha256" => HashAlgorithm::Sha256,
                "sha384" => HashAlgorithm::Sha384,
                "sha512" => HashAlgorithm::Sha512,
                other => return Err(IntegrityError::UnknownAlgorithm(other.into())),
            };
            let digest = base64::engine::general_purpose::STANDARD
                .decode(b64)
                .map_err(|_| IntegrityError::BadDigest(token.into()))?;
            if digest.len() != algorithm.digest_len() {
                return Err(IntegrityError::BadDigest(token.into()));
            }
            hashes.push(SriHash { algorithm, digest });
        }
        if hashes.is_empty() {
            return Err(IntegrityError::Empty);
        }
        Ok(Integrity::Sri(hashes))
    }

    /// A sha1 integrity from a 40-digit hex string (yarn classic `#<sha1>` URL fragments,
    /// npm v1 `shasum`).
    pub fn from_sha1_hex(hex_digest: &str) -> Result<Integrity, IntegrityError> {
        let digest =
            hex::decode(hex_digest).map_err(|_| IntegrityError::BadDigest(hex_digest.into()))?;
        if digest.len() != 20 {
            return Err(IntegrityError::BadDigest(hex_digest.into()));
        }
        Ok(Integrity::Sri(vec![SriHash {
            algorithm: HashAlgorithm::Sha1,
            digest,
        }]))
    }

    /// The strongest SRI algorithm present; `None` for berry checksums.
    pub fn strongest(&self) -> Option<&SriHash> {
        match self {
            Integrity::Sri(h) => h.iter().max_by_key(|h| h.algorithm),
            Integrity::BerryChecksum(_) => None,
        }
    }

    /// True when some hash of `self` equals a hash of `other` with the same algorithm.
    pub fn matches(&self, other: &Integrity) -> bool {
        match (self, other) {
            (Integrity::Sri(a), Integrity::Sri(b)) => a.iter().any(|x| b.iter().any(|y| x == y)),
            (Integrity::BerryChecksum(a), Integrity::BerryChecksum(b)) => a == b,
            _ => false,
        }
    }
}

impl fmt::Display for Integrity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Integrity::Sri(hashes) => {
                for (i, h) in hashes.iter().enumerate() {
                    if i > 0 {
                        f.write_str(" ")?;
                    }
                    write!(f, "{h}")?;
                }
                Ok(())
            }
            Integrity::BerryChecksum(c) => f.write_str(c),
        }
    }
}

impl Serialize for Integrity {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_sri_and_round_trips() {
        let text = "sha512-7fvJ+uqKp7GOqMOZp5YpAGXjJa4fbKzpgtOhYtvpNgBWhjnsUuzmtwbh3M5vzhCnwPSM9QvO3IHdLiCBXPVQ2Q==";
        let i = Integrity::parse_sri(text).unwrap();
        assert_eq!(i.to_string(), text);
        assert_eq!(i.strongest().unwrap().algorithm, HashAlgorithm::Sha512);
    }

    #[test]
    fn rejects_bad_sri() {
        assert_eq!(Integrity::parse_sri(""), Err(IntegrityError::Empty));
        assert_eq!(
            Integrity::parse_sri("md5-AAAA"),
            Err(IntegrityError::UnknownAlgorithm("md5".into()))
        );
        assert!(matches!(
            Integrity::parse_sri("sha512-AAAA"),
            Err(IntegrityError::BadDigest(_))
        ));
    }

    #[test]
    fn sha1_hex() {
        let i = Integrity::from_sha1_hex("a94a8fe5ccb19ba61c4c0873d391e987982fbbd3").unwrap();
        assert_eq!(i.to_string(), "sha1-qUqP5cyxm6YcTAhz05Hph5gvu9M=");
    }
}
