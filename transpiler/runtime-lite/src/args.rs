//! Bounded decoding of canister method arguments.
//!
//! Arguments are untrusted: a crafted message could nest values deeply,
//! claim huge vector lengths or carry thousands of unknown fields. Methods
//! with compound parameter types decode through these functions (ic-cdk's
//! `decode_with`), which give the Candid decoder a budget; exceeding it
//! rejects the message cheaply instead of running out of memory or
//! instructions.

use candid::utils::{decode_args_with_config, ArgumentDecoder};
use candid::DecoderConfig;

/// Work the decoder may do per message: about ten times what decoding the
/// largest ingress message (2 MiB) of plain data costs.
pub const DECODING_QUOTA: usize = 20_000_000;
/// Unknown fields the decoder may skip per message (ic-cdk's default).
pub const SKIPPING_QUOTA: usize = 10_000;

fn config() -> DecoderConfig {
    let mut config = DecoderConfig::new();
    config.set_decoding_quota(DECODING_QUOTA);
    config.set_skipping_quota(SKIPPING_QUOTA);
    config
}

/// Decodes several arguments (`decode_with` of a method with 2+ parameters).
pub fn decode_args<T>(bytes: Vec<u8>) -> T
where
    T: for<'a> ArgumentDecoder<'a>,
{
    let bytes: &[u8] = if bytes.is_empty() {
        b"DIDL\x00\x00"
    } else {
        &bytes
    };
    match decode_args_with_config(bytes, &config()) {
        Ok(args) => args,
        Err(e) => crate::trap(&format!("failed to decode the call's arguments: {e}")),
    }
}

/// Decodes the one argument of a method (`decode_with` of a method with
/// one parameter).
pub fn decode_one<T>(bytes: Vec<u8>) -> T
where
    T: candid::CandidType + for<'de> serde::Deserialize<'de>,
{
    let (value,): (T,) = decode_args(bytes);
    value
}

#[cfg(test)]
mod tests {
    use super::*;
    use candid::Encode;

    #[test]
    fn decodes_within_the_quota() {
        let bytes = Encode!(&vec![1u64, 2, 3], &"x".to_string()).unwrap();
        let (v, s): (Vec<u64>, String) = decode_args(bytes);
        assert_eq!(v, vec![1, 2, 3]);
        assert_eq!(s, "x");
        let one: Option<Vec<String>> = decode_one(Encode!(&Some(vec!["a".to_string()])).unwrap());
        assert_eq!(one, Some(vec!["a".to_string()]));
    }

    #[test]
    fn a_huge_claimed_length_is_rejected_by_the_quota() {
        // vec reserved with 2^40 elements: costs nothing on the wire.
        let mut bytes = b"DIDL\x01\x6d\x70\x01\x00".to_vec();
        let mut n: u64 = 1 << 40;
        while n >= 0x80 {
            bytes.push((n as u8 & 0x7f) | 0x80);
            n >>= 7;
        }
        bytes.push(n as u8);
        let r = decode_args_with_config::<(Vec<candid::Reserved>,)>(&bytes, &config());
        assert!(r.is_err(), "{r:?}");
    }
}
