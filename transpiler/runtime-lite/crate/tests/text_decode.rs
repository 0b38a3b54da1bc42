//! `bytes.decode("utf-8")` errors, worded as CPython 3.11 words them.

#[test]
fn utf8_decoding_errors_read_as_cpython() {
    use runtime_lite::text::decode_utf8;
    let cases: [(&[u8], &str); 6] = [
        (
            b"\xff",
            "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte",
        ),
        (
            b"a\xe4\x00",
            "'utf-8' codec can't decode byte 0xe4 in position 1: invalid continuation byte",
        ),
        (
            b"\xe4",
            "'utf-8' codec can't decode byte 0xe4 in position 0: unexpected end of data",
        ),
        (
            b"\xed\xa0\x80",
            "'utf-8' codec can't decode byte 0xed in position 0: invalid continuation byte",
        ),
        (
            b"\xc0\x80",
            "'utf-8' codec can't decode byte 0xc0 in position 0: invalid start byte",
        ),
        (
            b"ab\xf0\x9f\x98",
            "'utf-8' codec can't decode bytes in position 2-4: unexpected end of data",
        ),
    ];
    for (bytes, want) in cases {
        let e = decode_utf8(bytes).expect_err("invalid UTF-8");
        assert_eq!(e.to_string(), format!("UnicodeDecodeError: {want}"));
    }
    assert_eq!(decode_utf8("ü🦀".as_bytes()).expect("valid"), "ü🦀");
}
