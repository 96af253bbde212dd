//! Embeds the workspace's `dict/` folder: writes a list of `(relative path, include_str!(..))`
//! pairs for every `.rld` and `.tsv` file, so the binary carries its default dictionaries.
//! Reads only local files; nothing is downloaded.

use std::path::{Path, PathBuf};

fn collect(dir: &Path, root: &Path, out: &mut Vec<(String, PathBuf)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, root, out);
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("rld" | "tsv")
        ) {
            let rel = path.strip_prefix(root).unwrap_or(&path);
            let rel = rel.to_string_lossy().replace('\\', "/");
            out.push((rel, path.clone()));
        }
    }
}

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets this"));
    let dict = manifest.join("../../dict");
    println!("cargo:rerun-if-changed={}", dict.display());
    let mut files = Vec::new();
    collect(&dict, &dict, &mut files);
    files.sort();
    let mut code = String::from(
        "/// The embedded dictionary files: (path relative to `dict/`, contents).\npub static FILES: &[(&str, &str)] = &[\n",
    );
    for (rel, path) in &files {
        let abs = path.canonicalize().unwrap_or_else(|_| path.clone());
        code.push_str(&format!(
            "    ({rel:?}, include_str!({:?})),\n",
            abs.display().to_string()
        ));
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets this")).join("embedded.rs");
    std::fs::write(out, code).expect("OUT_DIR is writable");
}
