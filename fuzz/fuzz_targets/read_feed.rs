//! Reads arbitrary bytes as RSS and Atom feeds; every document must satisfy `Document::check_layers`.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use redline_model::SourceFormat;

fuzz_target!(|data: &[u8]| {
    common::read_and_check(SourceFormat::Feed, data);
});
