//! Module loading helpers: gzip and the `candid:service` custom section.

use std::io::Read;

/// Gunzips `bytes` if they carry the gzip magic number, else returns them.
pub(crate) fn decompress(bytes: Vec<u8>) -> Result<Vec<u8>, String> {
    if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(bytes.as_slice())
            .read_to_end(&mut out)
            .map_err(|e| format!("cannot gunzip the module: {e}"))?;
        Ok(out)
    } else {
        Ok(bytes)
    }
}

/// The text of the module's `icp:public candid:service` (or
/// `icp:private candid:service`) custom section, if any.
pub(crate) fn candid_service(wasm: &[u8]) -> Option<String> {
    for payload in wasmparser::Parser::new(0).parse_all(wasm) {
        let Ok(payload) = payload else { return None };
        if let wasmparser::Payload::CustomSection(section) = payload {
            let name = section.name();
            if name == "icp:public candid:service" || name == "icp:private candid:service" {
                return String::from_utf8(section.data().to_vec()).ok();
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// A module with one custom section (hand-assembled).
    fn module_with_section(name: &str, data: &[u8]) -> Vec<u8> {
        let mut payload = vec![name.len() as u8];
        payload.extend_from_slice(name.as_bytes());
        payload.extend_from_slice(data);
        let mut m = b"\0asm\x01\0\0\0".to_vec();
        m.push(0);
        m.push(payload.len() as u8);
        m.extend(payload);
        m
    }

    #[test]
    fn reads_candid_service_section() {
        let m = module_with_section("icp:public candid:service", b"service : {}");
        assert_eq!(candid_service(&m).as_deref(), Some("service : {}"));
        let other = module_with_section("name", b"x");
        assert_eq!(candid_service(&other), None);
        assert_eq!(candid_service(b"not wasm"), None);
    }

    #[test]
    fn gunzips_only_gzip() {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all(b"\0asm-body").unwrap();
        let gz = enc.finish().unwrap();
        assert_eq!(decompress(gz).unwrap(), b"\0asm-body");
        assert_eq!(decompress(b"\0asm".to_vec()).unwrap(), b"\0asm");
        assert!(decompress(vec![0x1f, 0x8b, 0, 0]).is_err());
    }
}
