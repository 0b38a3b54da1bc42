//! Deterministic test identities.
//!
//! `identity alice` switches the caller to a self-authenticating principal
//! derived only from the name, so every run (and every machine) sees the same
//! principal for `alice`. The "public key" is a 32-byte SHA-256 digest of the
//! name, wrapped in the DER prefix of an Ed25519 SubjectPublicKeyInfo; the
//! principal is then SHA-224 of that DER blob followed by the byte 0x02, as
//! the IC defines self-authenticating ids. Nobody holds a private key for
//! these ids; they only need to be distinct and stable.

use candid::Principal;
use sha2::{Digest, Sha256};

/// DER header of an Ed25519 SubjectPublicKeyInfo (RFC 8410).
const ED25519_SPKI_PREFIX: [u8; 12] = [
    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00,
];

/// The name of the identity a script starts with.
pub const DEFAULT_IDENTITY: &str = "default";

/// The principal of the identity called `name`; `anonymous` is the anonymous
/// principal `2vxsx-fae`.
pub fn identity_principal(name: &str) -> Principal {
    if name == "anonymous" {
        return Principal::anonymous();
    }
    let mut hasher = Sha256::new();
    hasher.update(b"replica-lite identity\0");
    hasher.update(name.as_bytes());
    let key = hasher.finalize();
    let mut der = Vec::with_capacity(ED25519_SPKI_PREFIX.len() + key.len());
    der.extend_from_slice(&ED25519_SPKI_PREFIX);
    der.extend_from_slice(&key);
    Principal::self_authenticating(&der)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identities_are_stable_distinct_and_self_authenticating() {
        let alice = identity_principal("alice");
        assert_eq!(alice, identity_principal("alice"));
        assert_ne!(alice, identity_principal("bob"));
        assert_ne!(alice, identity_principal(DEFAULT_IDENTITY));
        let bytes = alice.as_slice();
        assert_eq!(bytes.len(), 29);
        assert_eq!(bytes[28], 0x02);
        assert_eq!(identity_principal("anonymous").to_text(), "2vxsx-fae");
    }
}
